package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.model.FinancingNeedRequest;
import com.finmatch.portal.client.enterprise.model.FinancingNeedView;
import com.finmatch.portal.client.enterprise.model.NeedStatus;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.web.Forms;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A major project's financing gap in the apply flow. matching-service recommends products for a project's gap as if
 * it were a need (its id is the project's); an application, though, is made against a financing need. So applying for
 * a gap uses the project's open financing need, or opens one for the gap (amount: the gap, purpose PROJECT, linked to
 * the project) with the terms a project does not have — term, guarantees, rate cap, date — asked on the confirm page.
 */
public class ProjectGapForm {
    @RestForm
    public String projectId;
    @RestForm
    public String termMonths;
    @RestForm
    public List<String> guaranteeTypes;
    @RestForm
    public String maxAnnualRate;
    @RestForm
    public String neededBy;

    boolean present() {
        return Forms.isUuid(projectId);
    }

    /** The confirm page's first values: the project's term, the product's guarantees and rate cap, a month ahead. */
    static Map<String, Object> defaults(ProjectView project, ProductView product) {
        Map<String, Object> v = new LinkedHashMap<>();
        Forms.put(v, "termMonths", project.getTermMonths() != null ? project.getTermMonths() : product.getMaxTermMonths());
        Forms.put(v, "guaranteeTypes", product.getGuaranteeTypes() == null ? null
                : product.getGuaranteeTypes().stream().map(Object::toString).toList());
        Forms.put(v, "maxAnnualRate", product.getMaxAnnualRate());
        v.put("neededBy", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        return v;
    }

    /** The terms as typed, to show the confirm page again. */
    Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        Forms.put(v, "termMonths", Forms.text(termMonths));
        v.put("guaranteeTypes", Forms.list(guaranteeTypes));
        Forms.put(v, "maxAnnualRate", Forms.text(maxAnnualRate));
        Forms.put(v, "neededBy", Forms.text(neededBy));
        return v;
    }

    /** The id of the project's open financing need, opened now for the gap when it has none (400: the field named). */
    UUID needFor(MyEnterprise my, FinancingNeedResourceApi needApi, UUID enterpriseId, ProjectView project) {
        for (FinancingNeedView need : my.needs(enterpriseId)) {
            if (project.getId().equals(need.getProjectId()) && need.getStatus() == NeedStatus.OPEN) {
                return need.getId();
            }
        }
        Map<String, Object> need = new LinkedHashMap<>();
        Forms.put(need, "amount", project.getFinancingGap());
        Forms.put(need, "termMonths", Forms.number(termMonths));
        need.put("purpose", "PROJECT");
        need.put("guaranteeTypes", Forms.list(guaranteeTypes));
        Forms.put(need, "maxAnnualRate", Forms.number(maxAnnualRate));
        Forms.put(need, "neededBy", Forms.text(neededBy));
        need.put("projectId", project.getId());
        return needApi.openNeed(enterpriseId, ClientJson.request(need, FinancingNeedRequest.class)).getId();
    }
}
