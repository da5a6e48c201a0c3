package com.finmatch.loan.api;

import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.TrainingOffer;
import com.finmatch.loan.domain.TrainingOfferStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record TrainingOfferView(UUID id, String organiser, String title, String format, String description,
        LocalDate startsOn, LocalDate endsOn, int seats, int seatsLeft, List<Rule> rules, TrainingOfferStatus status,
        long version) {

    public static TrainingOfferView of(TrainingOffer o) {
        return new TrainingOfferView(o.id, o.organiser, o.title, o.format, o.description, o.startsOn, o.endsOn,
                o.seats, o.seatsLeft, o.rules, o.status, o.version);
    }
}
