package com.finmatch.loan.api;

import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.TrainingOffer;
import com.finmatch.loan.domain.TrainingOfferStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record TrainingOfferView(UUID id, @Size(max = 200) String organiser, @Size(max = 300) String title,
        @Size(max = 30) String format, @Schema(nullable = true) @Size(max = 2000) String description,
        LocalDate startsOn, LocalDate endsOn, @Min(1) @Max(100000) int seats, @Min(0) @Max(100000) int seatsLeft,
        @Size(max = 50) List<Rule> rules, TrainingOfferStatus status, @Min(0) @Max(Long.MAX_VALUE) long version) {

    public static TrainingOfferView of(TrainingOffer o) {
        return new TrainingOfferView(o.id, o.organiser, o.title, o.format, o.description, o.startsOn, o.endsOn,
                o.seats, o.seatsLeft, o.rules, o.status, o.version);
    }
}
