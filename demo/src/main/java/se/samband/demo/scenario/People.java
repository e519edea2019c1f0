package se.samband.demo.scenario;

/**
 * The made-up people of the scenarios: valid personnummer (date, Luhn) with birth numbers 98x/99x, so that the
 * demo exercises the connectors' real validation. They exist only in the case systems the demo plays: the
 * connectors pseudonymise them before anything leaves for the hub, and the timeline never shows them.
 */
final class People {
    static final String BOLLNAS_CLIENT = "780312-9811";
    static final String BOLLNAS_SUSPECT = "850611-9828";
    static final String JONKOPING_PERPETRATOR = "800219-9837";
    static final String JONKOPING_VICTIM = "820924-9849";
    static final String VARBERG_CLIENT = "900105-9857";
    static final String SKARABORG_CLIENT = "761130-9860";
    static final String HALMSTAD_CHILD = "170523-9877";
    static final String HALMSTAD_GUARDIAN = "880707-9887";
    static final String JONKOPING_CLIENT = "910416-9892";
    static final String JONKOPING_PROTECTED_VICTIM = "920817-9920";
    static final String FALKOPING_CLIENT = "830228-9916";

    private People() {
    }
}
