package com.finmatch.matching.domain;

import java.time.LocalDate;
import java.util.List;

/** An IPO-training (上市培育) offer with its entry criteria as rules. */
public record TrainingOffer(String offerId, String organiser, String title, String format, LocalDate startsOn,
        LocalDate endsOn, Integer seats, Integer seatsLeft, List<Rule> rules, String status) {
}
