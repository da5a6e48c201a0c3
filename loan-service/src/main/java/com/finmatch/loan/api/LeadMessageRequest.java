package com.finmatch.loan.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message on a lead's thread: 1–2000 characters (line breaks allowed; leading and trailing blanks dropped). */
public record LeadMessageRequest(@NotBlank @Size(min = 1, max = 2000) String body) {
}
