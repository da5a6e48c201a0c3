package com.finmatch.platform.http;

/**
 * A REST operation's path as OpenAPI writes it, from its class's and method's {@code @Path}: joined with single
 * slashes, without a trailing slash, and each parameter's regular expression dropped ({@code {id: [0-9]+}} is
 * {@code {id}}). The OpenAPI documents' roles and the audit trail's actions name operations this way.
 */
public final class RouteTemplate {

    private RouteTemplate() {
    }

    /** The template of a method {@code @Path} (or null) under its class's {@code @Path}. */
    public static String of(String classPath, String methodPath) {
        String joined = "/" + classPath + (methodPath == null ? "" : "/" + methodPath);
        String path = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
