package org.planmap.exchange;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A file about to be streamed to the client. */
public record Download(String fileName, String mediaType, StreamingResponseBody body) {}
