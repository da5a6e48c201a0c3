package com.finmatch.portal.admin;

import com.finmatch.portal.web.Forms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The policy-tool form's fields, as loan-service's policy tool names them: the kind and, per kind, what it needs — a
 * risk pool's {@code poolSize} and {@code coverageShare} (0–1), a subsidy's {@code subsidyRate} (percentage points) and
 * budget, a guarantee's fee rate — plus the usage the administrator keeps current and whether it is active.
 */
public class PolicyToolForm {
    @RestForm
    public String kind;
    @RestForm
    public String name;
    @RestForm
    public String description;
    @RestForm
    public String subsidyRate;
    @RestForm
    public String coverageShare;
    @RestForm
    public String poolSize;
    @RestForm
    public String exposureUsed;
    @RestForm
    public String perEnterpriseCap;
    @RestForm
    public String budget;
    @RestForm
    public String budgetUsed;
    @RestForm
    public String guaranteeFeeRate;
    @RestForm
    public String validFrom;
    @RestForm
    public String validTo;
    @RestForm
    public String active;

    /** The JSON body: blank fields absent, numbers as numbers (or the text typed, for the service to name). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "kind", Forms.text(kind));
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "description", Forms.text(description));
        for (String[] field : new String[][] {{"subsidyRate", subsidyRate}, {"coverageShare", coverageShare},
                {"poolSize", poolSize}, {"exposureUsed", exposureUsed}, {"perEnterpriseCap", perEnterpriseCap},
                {"budget", budget}, {"budgetUsed", budgetUsed}, {"guaranteeFeeRate", guaranteeFeeRate}}) {
            Forms.put(body, field[0], Forms.number(field[1]));
        }
        Forms.put(body, "validFrom", Forms.text(validFrom));
        Forms.put(body, "validTo", Forms.text(validTo));
        body.put("active", !"false".equals(active));
        return body;
    }

    /** The active choice as the form's select shows it: "false" only for a tool switched off. */
    static String active(Object active) {
        return Boolean.FALSE.equals(active) ? "false" : "true";
    }
}
