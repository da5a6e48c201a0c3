package com.finmatch.loan.service;

import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.RuleValidator;
import com.finmatch.platform.http.Problem;

import java.util.ArrayList;
import java.util.List;

/** Rules as they are stored: validated (problems become violations) and with a weight of 0 where none was given. */
final class RuleChecks {

    private RuleChecks() {
    }

    static void validate(List<Rule> rules, String path, List<Problem.Violation> violations) {
        RuleValidator.validate(rules, path)
                .forEach(v -> violations.add(new Problem.Violation(v.field(), v.message())));
    }

    static List<Rule> normalised(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        if (rules != null) {
            for (Rule r : rules) {
                out.add(new Rule(r.field(), r.operator(), r.value(), r.hard(), r.weight() == null ? 0 : r.weight(),
                        new Rule.Message(r.message().zh().trim(), r.message().en().trim())));
            }
        }
        return out;
    }
}
