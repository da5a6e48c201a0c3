package com.finmatch.loan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.Lead;

/** A lead with the enterprise profile its bank may see (null without a live PROFILE consent). */
public record LeadDetails(Lead lead, JsonNode enterprise) {
}
