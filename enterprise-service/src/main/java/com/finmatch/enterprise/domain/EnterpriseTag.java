package com.finmatch.enterprise.domain;

/** Recognitions an enterprise may hold: 专精特新 (provincial), 专精特新"小巨人" (national), 高新技术企业, 科技型中小企业. */
public enum EnterpriseTag {
    SRDI_PROVINCIAL("专精特新中小企业（省级）", "Specialised and innovative SME (provincial)"),
    SRDI_LITTLE_GIANT("专精特新“小巨人”企业", "Specialised and innovative 'little giant' (national)"),
    HIGH_TECH("高新技术企业", "High and new technology enterprise"),
    TECH_SME("科技型中小企业", "Technology-based SME");

    public final String nameZh;
    public final String nameEn;

    EnterpriseTag(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }
}
