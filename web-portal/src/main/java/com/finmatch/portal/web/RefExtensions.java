package com.finmatch.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** {@code {ref:districts}} etc.: the option lists of the forms. */
@TemplateExtension(namespace = "ref")
public class RefExtensions {
    static List<String> districts() {
        return ReferenceData.DISTRICTS;
    }

    static List<String> clusters() {
        return ReferenceData.CLUSTERS;
    }

    static List<String> sizeClasses() {
        return ReferenceData.SIZE_CLASSES;
    }

    static List<String> tags() {
        return ReferenceData.TAGS;
    }

    static List<String> listingIntentions() {
        return ReferenceData.LISTING_INTENTIONS;
    }

    static List<String> boards() {
        return ReferenceData.BOARDS;
    }

    static List<String> creditRatings() {
        return ReferenceData.CREDIT_RATINGS;
    }

    static List<String> purposes() {
        return ReferenceData.PURPOSES;
    }

    static List<String> guaranteeTypes() {
        return ReferenceData.GUARANTEE_TYPES;
    }

    static List<String> productTypes() {
        return ReferenceData.PRODUCT_TYPES;
    }

    static List<String> consentCategories() {
        return ReferenceData.CONSENT_CATEGORIES;
    }

    static List<String> ruleFields() {
        return ReferenceData.RULE_FIELDS;
    }

    static List<String> ruleOperators() {
        return ReferenceData.RULE_OPERATORS;
    }

    static List<String> decisions() {
        return ReferenceData.DECISIONS;
    }

    static List<String> materialKinds() {
        return ReferenceData.MATERIAL_KINDS;
    }

    static List<String> declineReasons() {
        return ReferenceData.DECLINE_REASONS;
    }

    static List<String> groupBys() {
        return List.of("cluster", "district", "bank", "product");
    }

    static List<String> projectStages() {
        return ReferenceData.PROJECT_STAGES;
    }

    static List<String> trainingFormats() {
        return ReferenceData.TRAINING_FORMATS;
    }

    static List<String> booleans() {
        return List.of("true", "false");
    }

    static List<String> policyToolKinds() {
        return ReferenceData.POLICY_TOOL_KINDS;
    }

    /** True when a code (text or a generated enum) is one of {@code codes}, e.g. {@code ref:in(p.status, 'DRAFT,SUSPENDED')}. */
    static boolean in(Object value, String codes) {
        return value != null && List.of(codes.split(",")).contains(value.toString());
    }

    /** True when a list value (e.g. the tags of a profile) contains the option. */
    static boolean has(Object values, Object option) {
        if (values instanceof java.util.Collection<?> c) {
            return c.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(option)));
        }
        return values != null && String.valueOf(values).equals(String.valueOf(option));
    }
}
