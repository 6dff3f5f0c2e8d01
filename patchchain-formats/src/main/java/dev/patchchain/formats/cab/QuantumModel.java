package dev.patchchain.formats.cab;

/**
 * One adaptive frequency model of Quantum ({@code docs/formats/cab.md#quantum}): symbols kept with cumulative
 * frequencies in decreasing order, {@code cumfreq[entries] = 0}. Each coded symbol adds 8 to its own frequency
 * (the cumulative ones of it and of every symbol before it); past a total of 3 800 the model is halved, and every
 * 50th time also re-sorted by frequency.
 */
final class QuantumModel {

    static final int INCREMENT = 8;
    static final int RESCALE_ABOVE = 3800;
    private static final int FIRST_REORDER_IN = 4;
    private static final int REORDER_EVERY = 50;

    final int[] symbols;
    final int[] cumfreq;
    final int entries;
    private int shiftsLeft = FIRST_REORDER_IN;

    /** @param first the symbol of entry 0; the model codes {@code first .. first + entries - 1} */
    QuantumModel(int first, int entries) {
        this.entries = entries;
        this.symbols = new int[entries + 1];
        this.cumfreq = new int[entries + 1];
        for (int i = 0; i <= entries; i++) {
            symbols[i] = first + i;
            cumfreq[i] = entries - i;
        }
    }

    /** Counts the symbol at {@code index} once. */
    void update(int index) {
        for (int i = index; i >= 0; i--) {
            cumfreq[i] += INCREMENT;
        }
        if (cumfreq[0] > RESCALE_ABOVE) {
            rescale();
        }
    }

    private void rescale() {
        if (--shiftsLeft > 0) {
            for (int i = entries - 1; i >= 0; i--) {
                cumfreq[i] >>= 1;
                if (cumfreq[i] <= cumfreq[i + 1]) {
                    cumfreq[i] = cumfreq[i + 1] + 1;
                }
            }
            return;
        }
        shiftsLeft = REORDER_EVERY;
        for (int i = 0; i < entries; i++) {
            cumfreq[i] = (cumfreq[i] - cumfreq[i + 1] + 1) >> 1;
        }
        // a selection sort by frequency, decreasing: its (in)stability is part of the format
        for (int i = 0; i < entries - 1; i++) {
            for (int j = i + 1; j < entries; j++) {
                if (cumfreq[i] < cumfreq[j]) {
                    int f = cumfreq[i];
                    cumfreq[i] = cumfreq[j];
                    cumfreq[j] = f;
                    int s = symbols[i];
                    symbols[i] = symbols[j];
                    symbols[j] = s;
                }
            }
        }
        for (int i = entries - 1; i >= 0; i--) {
            cumfreq[i] += cumfreq[i + 1];
        }
    }
}
