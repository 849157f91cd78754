package construction_test

import (
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/oracle"
)

// TestTwoPeakByHand: the direct branch (s_1 ≤ p + q), the mirrored one
// (s_1 > p + q) and a negative pair, each on t = 1..5, hit their five
// samples with 3 neurons; the values off the samples were worked out by hand
// from twopeak.go's comment:
//
//   - (0, 1, 0, 1, 0): s_1 = r = p = q = 1, β = (1 + 2 + 2)/3 = 5/3, slope
//     p + q = 2 left of β and −q = −1 right of t_4, so g(0) = −2,
//     g(5/3) = 4/3, g(6) = −1.
//   - (0, 5, 0, 1, 0): s_1 = 5 > 2, mirrored: on t' = −t the pair is (1, 5),
//     β' = (1 − 4 − 50)/11, so a kink at t = 53/11 with slope 1 before it and
//     −10 after, and slope 5 left of t_2: g(0) = −5, g(53/11) = 20/11,
//     g(6) = −10.
//   - (0, −1, 0, −7, 0): the negative of (0, 1, 0, 7, 0), whose left slope is
//     p + q = 14, so g(0) = 14.
func TestTwoPeakByHand(t *testing.T) {
	ts := oracle.Rats(1, 2, 3, 4, 5)
	for _, c := range []struct {
		a, b          int64
		offAt, offVal []string
	}{
		{1, 1, []string{"0", "5/3", "6"}, []string{"-2", "4/3", "-1"}},
		{5, 1, []string{"0", "53/11", "6"}, []string{"-5", "20/11", "-10"}},
		{-1, -7, []string{"0"}, []string{"14"}},
	} {
		z := oracle.Rats(0, c.a, 0, c.b, 0)
		g := construction.TwoPeak(ts, z[1], z[3])
		expectLine(t, g, ts, z)
		if g.Hidden() != 3 {
			t.Errorf("a=%d b=%d: %d neurons, want 3", c.a, c.b, g.Hidden())
		}
		expectLine(t, g, lineRats(t, c.offAt...), lineRats(t, c.offVal...))
	}
}

// TestTwoPeakUnevenSpacing: irregular positions and fractional targets, both
// branches; the samples are hit exactly with 3 neurons.
func TestTwoPeakUnevenSpacing(t *testing.T) {
	ts := lineRats(t, "-7/2", "-1", "1/3", "4", "19/2")
	for _, ab := range [][2]string{{"2/3", "9"}, {"9", "2/3"}, {"-5/7", "-1/9"}, {"-40", "-1/9"}} {
		a, b := lineRats(t, ab[0])[0], lineRats(t, ab[1])[0]
		z := lineRats(t, "0", ab[0], "0", ab[1], "0")
		g := construction.TwoPeak(ts, a, b)
		expectLine(t, g, ts, z)
		if g.Hidden() != 3 {
			t.Errorf("a=%s b=%s: %d neurons", ab[0], ab[1], g.Hidden())
		}
	}
}

// TestTwoPeakPanicsOnMixedSigns: a·b < 0 is not this network's shape.
func TestTwoPeakPanicsOnMixedSigns(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.HasPrefix(r.(string), "construction: TwoPeak") {
			t.Fatalf("recovered %v", r)
		}
	}()
	z := oracle.Rats(1, -1)
	construction.TwoPeak(oracle.Rats(1, 2, 3, 4, 5), z[0], z[1])
}
