package org.istanas.metrics;

/** O(n^2) reference for the Kendall pair counts, straight from the definition. Test code only. */
final class NaiveKendall {
    long concordant;
    long discordant;
    long tiedX;
    long tiedY;
    long tiedXY;

    static NaiveKendall of(double[] x, double[] y) {
        NaiveKendall c = new NaiveKendall();
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double sx = Math.signum(x[i] - x[j]);
                double sy = Math.signum(y[i] - y[j]);
                if (sx == 0) {
                    c.tiedX++;
                }
                if (sy == 0) {
                    c.tiedY++;
                }
                if (sx == 0 && sy == 0) {
                    c.tiedXY++;
                }
                if (sx * sy > 0) {
                    c.concordant++;
                } else if (sx * sy < 0) {
                    c.discordant++;
                }
            }
        }
        return c;
    }

    long s() {
        return concordant - discordant;
    }

    double tauA() {
        long n0 = concordant + discordant + tiedX + tiedY - tiedXY;
        return (double) s() / n0;
    }

    double tauB() {
        long n0 = concordant + discordant + tiedX + tiedY - tiedXY;
        return s() / Math.sqrt((double) (n0 - tiedX) * (n0 - tiedY));
    }
}
