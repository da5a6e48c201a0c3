package com.finmatch.portal.enterprise;

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

    static List<ConsentPreview> of(List<Map<String, Object>> categories, Map<String, Object> profile,
            Collection<String> checked) {
        List<ConsentPreview> preview = new ArrayList<>();
        for (Map<String, Object> category : categories) {
            String code = String.valueOf(category.get("code"));
            List<Row> rows = new ArrayList<>();
            if (category.get("fields") instanceof List<?> fields) {
                for (Object f : fields) {
                    String field = String.valueOf(f);
                    if (profile.containsKey(field)) {
                        rows.add(new Row(field, text(profile.get(field))));
                    }
                }
            }
            preview.add(new ConsentPreview(code, checked.contains(code), rows));
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
