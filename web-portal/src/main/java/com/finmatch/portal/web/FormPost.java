package com.finmatch.portal.web;

import com.finmatch.portal.client.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import java.util.function.Function;

/**
 * How a posted form ends: the service call succeeds and the browser is sent on (303), or the service refuses it with
 * a problem the form can show (400 with the fields named, and per form 409, 412 …) and the form is shown again with
 * it. Any other failure is thrown and becomes the error page (web/ErrorPages), never a quietly lost post.
 */
public final class FormPost {
    private FormPost() {
    }

    /**
     * @param call the service call(s) the form makes
     * @param then where the browser goes after it
     * @param shown the statuses the form shows itself (always 400)
     * @param again the form again, with the service's problem
     */
    public static Object submit(Runnable call, String then, Set<Integer> shown, Function<Problem, Object> again) {
        try {
            call.run();
            return Response.seeOther(URI.create(then)).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid() && !shown.contains(p.status())) {
                throw e;
            }
            return again.apply(p);
        }
    }

    /** {@link #submit} for a form that shows only 400 (invalid fields). */
    public static Object submit(Runnable call, String then, Function<Problem, Object> again) {
        return submit(call, then, Set.of(), again);
    }
}
