package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.model.DataCategoryFields;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The apply step's preview: per consent category, exactly the fields of the enterprise's profile a bank is shown
 * under it (enterprise-service's {@code /reference/data-categories}, the platform's one definition) with the
 * enterprise's current values. A field the profile does not have is not shown to a bank either, so it is left out.
 */
@TemplateData
public record ConsentPreview(String code, boolean checked, List<Row> rows) {

    @TemplateData
    public record Row(String field, String value) {
    }

    @SuppressWarnings("unchecked")
    static List<ConsentPreview> of(List<DataCategoryFields> categories, EnterpriseView enterprise,
            Collection<String> checked) {
        Map<String, Object> profile = ClientJson.mapper().convertValue(enterprise, Map.class); // every field, null too
        List<ConsentPreview> preview = new ArrayList<>();
        for (DataCategoryFields category : categories) {
            List<Row> rows = new ArrayList<>();
            for (String field : category.getFields() == null ? List.<String>of() : category.getFields()) {
                if (profile.containsKey(field)) {
                    rows.add(new Row(field, text(profile.get(field))));
                }
            }
            preview.add(new ConsentPreview(category.getCode(), checked.contains(category.getCode()), rows));
        }
        return preview;
    }

    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "—" : String.join("、", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
