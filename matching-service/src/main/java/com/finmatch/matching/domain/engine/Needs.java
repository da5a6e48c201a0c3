package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Enterprises and open needs by slot: their ids, their fields written into the {@link Columns}, each enterprise's
 * needs as a linked list, the rate caps the scoring reads, free need slots for reuse; and the growth of every
 * per-need array (columns, top lists, index rows) together.
 */
final class Needs {

    private final Columns c;
    private final BitIndex index;
    private final TopLists tops;
    private final LocalDate today;

    // enterprises
    private final Map<String, Integer> enterpriseSlots = new HashMap<>();
    String[] enterpriseIds = new String[16];
    int[] firstNeedOf = filled(16, -1);
    private int enterpriseCount;

    // needs
    private final Map<String, Integer> needSlots = new HashMap<>();
    String[] needIds = new String[16];
    String[] projectIds = new String[16];
    int[] nextNeed = filled(16, -1);
    private int[] previousNeed = filled(16, -1);
    int[] rateCap = filled(16, -1);
    /** ScoreWeights.rateSlope of rateCap: the bound's rate points without a division (see ScoreWeights.bound) */
    float[] rateSlope = new float[16];
    int needHighWater;
    private int[] freeNeedSlots = new int[16];
    private int freeNeedCount;
    /** a need row holding only an enterprise's copy (no need fields), for enterprise-level checks; -1 until used */
    private int probeRow = -1;

    Needs(Columns c, BitIndex index, TopLists tops, LocalDate today) {
        this.c = c;
        this.index = index;
        this.tops = tops;
        this.today = today;
    }

    Integer slotOf(String needId) {
        return needSlots.get(needId);
    }

    Map<String, Integer> slots() {
        return needSlots;
    }

    Integer enterpriseSlotOf(String enterpriseId) {
        return enterpriseSlots.get(enterpriseId);
    }

    // ------------------------------------------------------------------------------------------------ enterprises

    /** Adds or replaces an enterprise, with its copy in its needs' rows and their index bits. @return its slot */
    int upsertEnterprise(EnterpriseProfile e) {
        int slot = enterpriseSlot(e.enterpriseId());
        for (int need = firstNeedOf[slot]; need >= 0; need = nextNeed[need]) {
            index.setNeedBits(need, false);
        }
        writeEnterprise(slot, e);
        for (int need = firstNeedOf[slot]; need >= 0; need = nextNeed[need]) {
            c.copyEnterprise(slot, need);
            index.setNeedBits(need, true);
        }
        return slot;
    }

    private void writeEnterprise(int slot, EnterpriseProfile e) {
        num(Field.REGISTERED_CAPITAL, slot, e.registeredCapital());
        num(Field.EMPLOYEES, slot, e.employees());
        num(Field.ANNUAL_REVENUE, slot, e.annualRevenue());
        num(Field.REVENUE_GROWTH, slot, e.revenueGrowth());
        num(Field.NET_PROFIT, slot, e.netProfit());
        num(Field.TOTAL_ASSETS, slot, e.totalAssets());
        num(Field.TOTAL_LIABILITIES, slot, e.totalLiabilities());
        num(Field.TAX_PAID, slot, e.taxPaid());
        num(Field.RD_RATIO, slot, e.rdRatio());
        num(Field.PATENTS, slot, e.patents());
        ordinal(Field.SIZE_CLASS, slot, e.sizeClass());
        ordinal(Field.CREDIT_RATING, slot, e.creditRating());
        ordinal(Field.LISTING_INTENTION, slot, e.listingIntention());
        c.ownNumbers(Field.FOUNDED_ON)[slot] = e.foundedOn() == null ? Double.NaN : e.foundedOn().toEpochDay();
        c.ownNumbers(Field.YEARS_IN_BUSINESS)[slot] = e.foundedOn() == null || e.foundedOn().isAfter(today) ? Double.NaN
                : Period.between(e.foundedOn(), today).getYears();
        code(Field.DISTRICT_CODE, slot, e.districtCode());
        code(Field.INDUSTRY_CODE, slot, e.industryCode());
        code(Field.CLUSTER_CODE, slot, e.clusterCode());
        code(Field.TARGET_BOARD, slot, e.targetBoard());
        code(Field.USCC, slot, e.uscc());
        code(Field.NAME, slot, e.name());
        code(Field.LEGAL_REPRESENTATIVE, slot, e.legalRepresentative());
        c.ownSets(Field.TAGS)[slot] = c.mask(Field.TAGS, e.tags());
    }

    private void num(Field f, int row, Number value) {
        c.ownNumbers(f)[row] = value == null ? Double.NaN : value.doubleValue();
    }

    private void ordinal(Field f, int row, String value) {
        int position = f.ordinal(value);
        c.ownNumbers(f)[row] = position < 0 ? Double.NaN : position;
    }

    private void code(Field f, int row, String value) {
        c.ownCodes(f)[row] = c.dictionary(f).intern(value);
    }

    private int enterpriseSlot(String id) {
        Integer slot = enterpriseSlots.get(id);
        if (slot != null) {
            return slot;
        }
        int s = enterpriseCount++;
        c.ensureEnterprises(s + 1);
        if (s >= enterpriseIds.length) {
            growEnterprises();
        }
        enterpriseIds[s] = id;
        enterpriseSlots.put(id, s);
        return s;
    }

    /** Pre-sizes the enterprise columns. */
    void reserveEnterprises(int n) {
        if (n > enterpriseIds.length) {
            c.ensureEnterprises(n);
            growEnterprises();
        }
    }

    private void growEnterprises() {
        int capacity = c.enterpriseCapacity;
        enterpriseIds = Arrays.copyOf(enterpriseIds, capacity);
        int old = firstNeedOf.length;
        firstNeedOf = Arrays.copyOf(firstNeedOf, capacity);
        Arrays.fill(firstNeedOf, old, capacity, -1);
    }

    // ------------------------------------------------------------------------------------------------ needs

    /** Adds or replaces an open need: its row, its enterprise's copy, its links and index bits. @return its slot */
    int upsertNeed(FinancingNeed n) {
        Integer existing = needSlots.get(n.needId());
        int slot;
        if (existing != null) {
            slot = existing;
            index.setNeedBits(slot, false);
            unlinkNeed(slot);
        } else {
            slot = allocateNeedSlot();
            needSlots.put(n.needId(), slot);
            needIds[slot] = n.needId();
        }
        int enterprise = enterpriseSlot(n.enterpriseId());
        c.needEnterprise[slot] = enterprise;
        c.copyEnterprise(enterprise, slot);
        projectIds[slot] = n.projectId();
        num(Field.AMOUNT, slot, n.amount());
        num(Field.TERM_MONTHS, slot, n.termMonths());
        num(Field.MAX_ANNUAL_RATE, slot, n.maxAnnualRate());
        c.ownNumbers(Field.NEEDED_BY)[slot] = n.neededBy() == null ? Double.NaN : n.neededBy().toEpochDay();
        c.ownNumbers(Field.HAS_PROJECT)[slot] = n.projectId() == null ? 0 : 1;
        code(Field.PURPOSE, slot, n.purpose());
        c.ownSets(Field.GUARANTEE_TYPES)[slot] = c.mask(Field.GUARANTEE_TYPES, n.guaranteeTypes());
        rateCap[slot] = n.maxAnnualRate() == null ? -1 : Formats.hundredths(n.maxAnnualRate());
        rateSlope[slot] = ScoreWeights.rateSlope(rateCap[slot]);
        linkNeed(slot, enterprise);
        index.setNeedBits(slot, true);
        return slot;
    }

    /** Closes a need: its slot is free again. @return true when it had a non-empty top list */
    boolean closeNeed(String needId) {
        Integer slot = needSlots.remove(needId);
        if (slot == null) {
            return false;
        }
        boolean had = tops.topCount[slot] > 0;
        index.setNeedBits(slot, false);
        unlinkNeed(slot);
        tops.topCount[slot] = 0;
        needIds[slot] = null;
        projectIds[slot] = null;
        if (freeNeedCount == freeNeedSlots.length) {
            freeNeedSlots = Arrays.copyOf(freeNeedSlots, freeNeedCount * 2);
        }
        freeNeedSlots[freeNeedCount++] = slot;
        return had;
    }

    private int allocateNeedSlot() {
        if (freeNeedCount > 0) {
            return freeNeedSlots[--freeNeedCount];
        }
        int slot = needHighWater++;
        if (slot >= needIds.length) {
            growNeeds(Math.max(slot + 1, needIds.length * 2));
        }
        return slot;
    }

    /** Pre-sizes the need columns (a bulk load of n needs). */
    void reserveNeeds(int n) {
        if (n > needIds.length) {
            growNeeds(n);
        }
    }

    private void growNeeds(int capacity) {
        c.ensureNeeds(capacity);
        capacity = c.needCapacity;
        int old = needIds.length;
        needIds = Arrays.copyOf(needIds, capacity);
        projectIds = Arrays.copyOf(projectIds, capacity);
        nextNeed = Arrays.copyOf(nextNeed, capacity);
        previousNeed = Arrays.copyOf(previousNeed, capacity);
        rateCap = Arrays.copyOf(rateCap, capacity);
        rateSlope = Arrays.copyOf(rateSlope, capacity);
        Arrays.fill(nextNeed, old, capacity, -1);
        Arrays.fill(previousNeed, old, capacity, -1);
        Arrays.fill(rateCap, old, capacity, -1);
        tops.grow(capacity);
        index.growNeeds(Bits.words(capacity));
    }

    private void linkNeed(int need, int enterprise) {
        int first = firstNeedOf[enterprise];
        nextNeed[need] = first;
        previousNeed[need] = -1;
        if (first >= 0) {
            previousNeed[first] = need;
        }
        firstNeedOf[enterprise] = need;
    }

    private void unlinkNeed(int need) {
        int enterprise = c.needEnterprise[need];
        int prev = previousNeed[need];
        int next = nextNeed[need];
        if (prev >= 0) {
            nextNeed[prev] = next;
        } else if (firstNeedOf[enterprise] == need) {
            firstNeedOf[enterprise] = next;
        }
        if (next >= 0) {
            previousNeed[next] = prev;
        }
        nextNeed[need] = -1;
        previousNeed[need] = -1;
    }

    /** A row holding a copy of the enterprise's fields and no need fields (enterprise-level checks). */
    int probeRow(int enterprise) {
        if (probeRow < 0) {
            probeRow = allocateNeedSlot();
            c.clearNeed(probeRow);
        }
        c.copyEnterprise(enterprise, probeRow);
        return probeRow;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
