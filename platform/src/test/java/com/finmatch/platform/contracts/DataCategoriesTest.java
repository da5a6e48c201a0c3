package com.finmatch.platform.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataCategoriesTest {

    private final DataCategories categories = DataCategories.get();

    @Test
    void shouldDefineProfileFinancialsContactsAndDocumentsInThatOrder() {
        assertEquals(List.of("PROFILE", "FINANCIALS", "CONTACTS", "DOCUMENTS"), categories.codes());
        assertEquals(List.of(), categories.fieldsOf("DOCUMENTS"));
        assertEquals(List.of("annualRevenue", "revenueGrowth", "netProfit", "totalAssets", "totalLiabilities",
                "taxPaid", "rdRatio"), categories.fieldsOf("FINANCIALS"));
        assertEquals(List.of("contactName", "contactPhone", "contactEmail"), categories.fieldsOf("CONTACTS"));
        assertEquals(Optional.of("PROFILE"), categories.categoryOf("clusterCode"));
        assertEquals(Optional.empty(), categories.categoryOf("ownerSub"));
    }

    @Test
    void shouldKeepOnlyTheFieldsOfTheGrantedCategoriesAndNeverAFieldOfNoCategory() throws Exception {
        ObjectNode full = (ObjectNode) new ObjectMapper().readTree("""
                {"id": "e1", "name": "肇庆精工", "ownerSub": "u-1", "annualRevenue": 5, "contactPhone": "1380",
                 "somethingNew": true}""");
        assertEquals(new ObjectMapper().readTree("{\"id\": \"e1\", \"name\": \"肇庆精工\"}"),
                categories.visible(full, Set.of("PROFILE")));
        ObjectNode withFinancials = categories.visible(full, Set.of("PROFILE", "FINANCIALS"));
        assertEquals(new ObjectMapper().readTree("{\"id\": \"e1\", \"name\": \"肇庆精工\", \"annualRevenue\": 5}"),
                withFinancials);
        assertEquals(List.of("PROFILE", "FINANCIALS"), categories.categoriesIn(withFinancials));
        assertEquals(List.of("CONTACTS"), categories.categoriesIn(categories.visible(full, Set.of("CONTACTS"))));
    }

    @Test
    void shouldNameTheCategoriesAReadOfSomeFieldsNeeds() {
        assertEquals(Set.of("PROFILE"), categories.requiredFor(List.of("name", "clusterCode", "districtCode")));
        assertThrows(IllegalArgumentException.class, () -> categories.requiredFor(List.of("ownerSub")));
        assertThrows(IllegalArgumentException.class, () -> categories.fieldsOf("PHOTOS"));
    }
}
