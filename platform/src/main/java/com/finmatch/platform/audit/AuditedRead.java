package com.finmatch.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read of enterprise data (a GET resource method, or every GET of a resource class): when an administrator
 * ({@code finmatch.audit.reader-roles}) calls it, the audit trail records the read as it records a write.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedRead {
}
