package org.marketlake.loader.read;

import org.marketlake.loader.table.Table;

import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.validate.SchemaReport;

/** The validated, converted rows of one file. */
record FileTable(FileInfo file, Table table, SchemaReport schema) {}
