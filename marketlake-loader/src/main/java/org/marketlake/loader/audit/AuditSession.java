package org.marketlake.loader.audit;

/** One audit session as its JSON file holds it (design 000 section 12.3). */
public record AuditSession(String sessionId, String status, String startTime, String endTime, String symbol,
        String command, long filesDiscovered, long filesProcessed, long filesSkipped, long rowsLoaded, String error) {}
