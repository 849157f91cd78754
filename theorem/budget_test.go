package theorem

import "testing"

// The budget's ranges, worked by hand: below 100 checks proportional with a
// floor, at 100 the full range, above it √(checks/100) times the full range
// (10× at 10000), and exhaustive sweeps one step larger per doubling.
func TestBudgetGrows(t *testing.T) {
	cases := []struct{ checks, scaled, exhaustive int }{
		{1, 12, 9}, {20, 12, 9}, {50, 32, 9}, {99, 63, 9}, {100, 64, 9}, {199, 90, 9}, // √1.99 = 1.41: 64·141/100
		{200, 90, 10}, {400, 128, 11}, {10000, 640, 9 + 6}, {12800, 64 * 113 / 10, 9 + 7},
	}
	for _, c := range cases {
		cfg := Config{Checks: c.checks}
		if got := scaled(cfg, 64, 12); got != c.scaled {
			t.Errorf("scaled at %d checks = %d, want %d", c.checks, got, c.scaled)
		}
		if got := exhaustiveK(cfg, 9); got != c.exhaustive {
			t.Errorf("exhaustiveK at %d checks = %d, want %d", c.checks, got, c.exhaustive)
		}
	}
}
