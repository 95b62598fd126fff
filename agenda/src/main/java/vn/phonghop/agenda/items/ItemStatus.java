package vn.phonghop.agenda.items;

/** Where an agenda item stands in the running meeting. */
public enum ItemStatus { PENDING, CURRENT, DONE, SKIPPED }
