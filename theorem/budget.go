package theorem

import "math/bits"

// scaled is the part of a full-budget range that a check covers at
// cfg.Checks: the full range at rapid's default of 100 checks,
// proportionally less below (so that `ftcheck report -checks 20` stays under
// a minute), never under floor, and growing like √(checks/100) above (a
// sampled range whose cases cost more as it grows: K up to 10× at
// -checks 10000). Evidence strings print the range actually used, so a
// budget is never mistaken for another.
func scaled(cfg Config, full, floor int) int {
	switch {
	case cfg.Checks > 100:
		return full * isqrtInt(100*cfg.Checks) / 100
	case cfg.Checks == 100:
		return full
	}
	return max(floor, full*cfg.Checks/100)
}

// exhaustiveK is the largest K (or m) of an exhaustive sweep whose cost
// doubles with each step: base up to the default budget, and one more for
// each doubling of cfg.Checks beyond 100 (K = 14 + 7 at -checks 12800).
// Evidence strings print the value used.
func exhaustiveK(cfg Config, base int) int {
	if cfg.Checks <= 100 {
		return base
	}
	return base + bits.Len(uint(cfg.Checks/100)) - 1
}

func isqrtInt(n int) int {
	r := 0
	for (r+1)*(r+1) <= n {
		r++
	}
	return r
}
