package com.finmatch.portal.i18n;

import jakarta.enterprise.context.RequestScoped;

/** The language of the current request: zh-CN unless the user chose English (?lang=en, then the {@code lang} cookie). */
@RequestScoped
public class Lang {
    public static final String COOKIE = "lang";

    private String code = Messages.DEFAULT;

    public String code() {
        return code;
    }

    public boolean english() {
        return "en".equals(code);
    }

    void set(String code) {
        this.code = Messages.supported(code) ? code : Messages.DEFAULT;
    }
}
