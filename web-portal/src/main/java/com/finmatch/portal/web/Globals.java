package com.finmatch.portal.web;

import com.finmatch.portal.i18n.Lang;
import com.finmatch.portal.security.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Data every page layout needs: the user (for the navigation) and the language. */
@TemplateGlobal
public class Globals {

    static CurrentUser user() {
        return Arc.container().instance(CurrentUser.class).get();
    }

    /** The unread notifications of the header, read from notification-service only when a page shows it. */
    static com.finmatch.portal.notification.UnreadBadge badge() {
        return Arc.container().instance(com.finmatch.portal.notification.UnreadBadge.class).get();
    }

    static String lang() {
        return Arc.container().instance(Lang.class).get().code();
    }

    static boolean english() {
        return Arc.container().instance(Lang.class).get().english();
    }
}
