package com.finmatch.loan.service;

import com.finmatch.loan.api.BankRequest;
import com.finmatch.loan.domain.Bank;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** The bank registry and each bank's response-time promise. */
@ApplicationScoped
public class BankService {

    @Inject
    Clock clock;

    @ConfigProperty(name = "finmatch.leads.default-response-hours", defaultValue = "72")
    int defaultResponseHours;

    @Transactional
    public Bank register(BankRequest request) {
        if (Bank.findById(request.bankId()) != null) {
            throw ProblemException.conflict("bank " + request.bankId() + " is already registered");
        }
        Bank bank = new Bank();
        bank.bankId = request.bankId();
        bank.name = request.name().trim();
        bank.responseHours = request.responseHours();
        bank.createdAt = clock.instant();
        bank.persist();
        return bank;
    }

    /** Changes a bank's name or promise; leads already open keep the due time they were given. */
    @Transactional
    public Bank update(String bankId, String ifMatch, BankRequest request) {
        Bank bank = get(bankId);
        EntityTags.ifMatch(ifMatch, bank.version);
        if (!bank.bankId.equals(request.bankId())) {
            throw ProblemException.invalid("bankId", "must be the bank's id " + bank.bankId + " (ids do not change)");
        }
        bank.name = request.name().trim();
        bank.responseHours = request.responseHours();
        Bank.flush();
        return bank;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<Bank> list(PageRequest page) {
        var query = Bank.<Bank>findAll(Sort.by("bankId"));
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Bank get(String bankId) {
        Bank bank = Bank.findById(bankId);
        if (bank == null) {
            throw ProblemException.notFound("bank");
        }
        return bank;
    }

    /** The bank's promise in working hours; a bank not in the registry promises the default (72). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int responseHours(String bankId) {
        Bank bank = bankId == null ? null : Bank.findById(bankId);
        return bank != null ? bank.responseHours : defaultResponseHours;
    }
}
