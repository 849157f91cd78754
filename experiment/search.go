package experiment

// The search for the least m that reaches the loss target: exponential
// search from a starting guess, then bisection. It assumes success is
// monotone in m (more neurons never hurt); training noise can break that, so
// each restart runs its own search and the sweep reports the spread.

// Search finds the least m in [lo, hi] for which try(m) is true, to within
// tol(m) neurons above the true least (tol ≥ 1 everywhere means exact when
// tol returns 1). It starts at start and doubles or halves from there. ok is
// false when try(hi) fails too (the least m is above the cap); then m = hi.
// try is called at most once per m.
func Search(try func(m int) bool, start, lo, hi int, tol func(m int) int) (m int, ok bool) {
	if lo > hi {
		panic("experiment: Search: empty range")
	}
	start = min(max(start, lo), hi)
	seen := map[int]bool{}
	test := func(m int) bool {
		if r, ok := seen[m]; ok {
			return r
		}
		r := try(m)
		seen[m] = r
		return r
	}
	// fail < least ≤ pass, with fail = lo−1 meaning "nothing below is known to fail".
	fail, pass := lo-1, hi+1
	if test(start) {
		pass = start
		for m := start / 2; m >= lo; m /= 2 {
			if !test(m) {
				fail = m
				break
			}
			pass = m
			if m == lo {
				break
			}
		}
	} else {
		fail = start
		for m := max(2*start, start+1); ; m *= 2 {
			if m >= hi {
				m = hi
			}
			if m <= fail {
				break
			}
			if test(m) {
				pass = m
				break
			}
			fail = m
			if m == hi {
				break
			}
		}
		if pass > hi {
			return hi, false
		}
	}
	for pass-fail > max(tol(pass), 1) {
		mid := fail + (pass-fail)/2
		if test(mid) {
			pass = mid
		} else {
			fail = mid
		}
	}
	return pass, true
}
