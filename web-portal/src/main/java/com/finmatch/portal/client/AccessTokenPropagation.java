package com.finmatch.portal.client;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Token propagation: a call to a service carries the signed-in user's access token (from the server-side OIDC
 * session), so each service decides with the user's own roles and claims. Without a signed-in user nothing is added
 * and the service answers 401 for what needs one.
 *
 * <p>(quarkus-rest-client-oidc-token-propagation's {@code @AccessToken} does the same; its artifacts are not served by
 * the Maven repository these machines reach, so the portal carries this ten-line filter instead.)
 */
public class AccessTokenPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = currentIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }

    private static SecurityIdentity currentIdentity() {
        var association = Arc.container().instance(CurrentIdentityAssociation.class);
        if (!association.isAvailable() || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return association.get().getIdentity();
    }
}
