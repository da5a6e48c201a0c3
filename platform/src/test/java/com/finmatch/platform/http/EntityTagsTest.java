package com.finmatch.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntityTagsTest {

    @Test
    void shouldReadTheVersionFromEachFormOfIfMatchTheContractAccepts() {
        assertEquals(3, EntityTags.required("\"3\""));
        assertEquals(3, EntityTags.required("W/\"3\""));
        assertEquals(3, EntityTags.required(" 3 "));
        assertEquals(EntityTags.NO_VERSION, EntityTags.required("\"three\""));
        assertEquals(EntityTags.NO_VERSION, EntityTags.required("\""));
    }

    @Test
    void shouldAnswer428WithoutIfMatchAnd412ForAnotherVersion() {
        assertEquals(428, assertThrows(ProblemException.class, () -> EntityTags.required(null)).problem().status());
        assertEquals(428, assertThrows(ProblemException.class, () -> EntityTags.ifMatch(" ", 3)).problem().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.ifMatch("\"2\"", 3)).problem().status());
        assertEquals(412, assertThrows(ProblemException.class, () -> EntityTags.ifMatch("*", 3)).problem().status());
        EntityTags.ifMatch("W/\"3\"", 3);
    }
}
