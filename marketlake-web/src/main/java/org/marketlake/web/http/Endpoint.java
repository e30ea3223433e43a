package org.marketlake.web.http;

/** One route of the API: a request in, a response out; failures are thrown and answered by {@link Failures}. */
@FunctionalInterface
public interface Endpoint {
    ApiResponse answer(ApiRequest request);
}
