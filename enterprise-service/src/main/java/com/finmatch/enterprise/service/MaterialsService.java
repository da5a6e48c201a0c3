package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.MaterialsChecklistView;
import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.ApplicationStep;
import com.finmatch.enterprise.domain.Document;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.MaterialsChecklist;
import com.finmatch.enterprise.domain.ProductSummary;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The materials checklists of an enterprise: a product's materialsRequired before applying, a bank's 补件 request. */
@ApplicationScoped
public class MaterialsService {

    @Inject
    EnterpriseAccess access;

    /** What the product asks for against what the (caller's) enterprise has uploaded; 404 for an unknown product. */
    @Transactional
    public MaterialsChecklistView forProduct(UUID enterpriseId, UUID productId) {
        Enterprise e = access.owned(enterpriseId);
        ProductSummary product = ProductSummary.findById(productId);
        if (product == null) {
            throw ProblemException.notFound("product");
        }
        List<String> asked = product.materialsRequired == null ? List.of() : product.materialsRequired;
        return MaterialsChecklistView.of(e.id, productId, null, null, null,
                MaterialsChecklist.of(asked, Document.list("enterpriseId", e.id), null));
    }

    /**
     * The bank's open 补件 request on the caller's application against the documents uploaded since; no items when no
     * request is open.
     */
    @Transactional
    public MaterialsChecklistView forApplication(UUID applicationId) {
        Application a = access.ownedApplication(applicationId);
        return checklist(a);
    }

    /** The items of the application's open 补件 request, each provided by a document uploaded since; none if none. */
    static List<MaterialsChecklist.Item> openRequestItems(Application a) {
        return a.openMaterialsRequest().map(request -> MaterialsChecklist.of(a.materialsRequested,
                Document.list("enterpriseId", a.enterpriseId), request.at)).orElse(List.of());
    }

    static MaterialsChecklistView checklist(Application a) {
        Optional<ApplicationStep> request = a.openMaterialsRequest();
        List<MaterialsChecklist.Item> items = openRequestItems(a);
        return MaterialsChecklistView.of(a.enterpriseId, a.productId, a.id, request.map(s -> s.at).orElse(null),
                request.map(s -> s.note).orElse(null), items);
    }
}
