package com.finmatch.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoDatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMoveFutureDatesForwardByTheDaysSinceTheDataWasWritten() throws Exception {
        JsonNode data = JSON.readTree("{\"enterprises\":[{\"name\":\"A\",\"foundedOn\":\"2010-01-01\","
                + "\"needs\":[{\"neededBy\":\"2027-01-01\"}],\"consents\":[{\"expiresAt\":\"2027-06-30T00:00:00Z\"}]}]}");

        DemoDates.shiftToToday(data, DemoDates.WRITTEN_ON.plusDays(40));

        JsonNode enterprise = data.get("enterprises").get(0);
        assertEquals("2027-02-10", enterprise.get("needs").get(0).get("neededBy").asText());
        assertEquals("2027-08-09T00:00Z", enterprise.get("consents").get(0).get("expiresAt").asText());
        assertEquals("2010-01-01", enterprise.get("foundedOn").asText(), "history does not move");
    }

    @Test
    void shouldLeaveTheDataAsWrittenOnTheDayItWasWritten() throws Exception {
        JsonNode data = JSON.readTree("{\"needs\":[{\"neededBy\":\"2027-01-01\"}]}");

        DemoDates.shiftToToday(data, LocalDate.of(2026, 11, 25));

        assertEquals("2027-01-01", data.get("needs").get(0).get("neededBy").asText());
    }
}
