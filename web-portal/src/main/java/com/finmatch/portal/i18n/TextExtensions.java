package com.finmatch.portal.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Texts in templates: {@code {t:home_title}} is the text of key {@code home_title} in the request's language;
 * {@code {t:code('status', app.status)}} the label of a code ({@code status_APPROVED}), the code itself when unknown;
 * {@code {t:zhEn(reason)}} picks {@code zh} or {@code en} of a {zh, en} message from a service.
 */
@TemplateExtension(namespace = "t")
public class TextExtensions {

    static String code(String group, Object value) {
        if (value == null) {
            return "";
        }
        String key = group + "_" + value;
        return Messages.has(key) ? Messages.get(lang(), key) : value.toString();
    }

    static String fmt(String key, Object arg) {
        return Messages.get(lang(), key, arg);
    }

    static String fmt2(String key, Object arg1, Object arg2) {
        return Messages.get(lang(), key, arg1, arg2);
    }

    static String zhEn(Object message) {
        if (message instanceof java.util.Map<?, ?> m) {
            Object text = m.get(lang());
            if (text == null) {
                text = m.get("zh");
            }
            return text == null ? "" : text.toString();
        }
        return message == null ? "" : message.toString();
    }

    static String lang() {
        var lang = Arc.container().instance(Lang.class);
        return lang.isAvailable() && Arc.container().requestContext().isActive() ? lang.get().code() : Messages.DEFAULT;
    }

    @TemplateExtension(namespace = "t", matchName = TemplateExtension.ANY, priority = 1)
    static String text(String key) {
        return Messages.get(lang(), key);
    }
}
