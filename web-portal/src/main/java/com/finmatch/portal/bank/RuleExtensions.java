package com.finmatch.portal.bank;

import io.quarkus.qute.TemplateExtension;

/** {@code {rule:value(r.value)}}: a rule value as the form field shows it. */
@TemplateExtension(namespace = "rule")
public class RuleExtensions {
    static String value(Object value) {
        return ProductRules.display(value);
    }
}
