package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.regex.Pattern;

/**
 * A GB/T 4754-2017 industry: a division ({@code C36}) or a group/class below it ({@code C367}, {@code C3670}). The
 * service ships the divisions it serves and the classes its users use most; any group or class under a shipped
 * division is accepted.
 */
@Entity
public class Industry extends PanacheEntityBase {

    private static final Pattern CODE = Pattern.compile("[A-T]\\d{2}(\\d{1,2})?");

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    /** The division this group or class belongs to; null for a division. */
    @Column(name = "division_code")
    public String divisionCode;

    /** Whether the code is a shipped industry or a group/class of a shipped division. */
    public static boolean isKnown(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        return findByIdOptional(code).isPresent() || findByIdOptional(code.substring(0, 3)).isPresent();
    }
}
