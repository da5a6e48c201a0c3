package com.finmatch.platform.ratelimit;

import java.util.Map;

/**
 * Who a request counts against and with which quota: a bank API client by its client id (its own quota, or the
 * bank-client default), a signed-in user by the token's subject, an unauthenticated call by its address (its own
 * quota, or the anonymous default).
 */
public final class Quotas {

    /** The counter a request is charged to and the requests per window it allows. */
    public record Quota(String key, int limit) {
    }

    private final int anonymous;
    private final int user;
    private final int bankClient;
    private final Map<String, Integer> clients;
    private final Map<String, Integer> addresses;

    public Quotas(int anonymous, int user, int bankClient, Map<String, Integer> clients,
            Map<String, Integer> addresses) {
        this.anonymous = anonymous;
        this.user = user;
        this.bankClient = bankClient;
        this.clients = Map.copyOf(clients);
        this.addresses = Map.copyOf(addresses);
    }

    public static Quotas of(RateLimitConfig config) {
        return new Quotas(config.anonymous(), config.user(), config.bankClient(), config.clients(),
                config.addresses());
    }

    public Quota anonymous(String address) {
        return new Quota("address:" + address, addresses.getOrDefault(address, anonymous));
    }

    public Quota user(String subject) {
        return new Quota("user:" + subject, user);
    }

    public Quota client(String clientId) {
        return new Quota("client:" + clientId, clients.getOrDefault(clientId, bankClient));
    }
}
