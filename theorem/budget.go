package theorem

// scaled is the part of a full-budget range that a check covers at
// cfg.Checks: the full range at rapid's default of 100 checks and above,
// proportionally less below (so that `ftcheck report -checks 20` stays under
// a minute), never under floor. Evidence strings print the range actually
// used, so a smaller budget is never mistaken for the full one.
func scaled(cfg Config, full, floor int) int {
	if cfg.Checks >= 100 {
		return full
	}
	return max(floor, full*cfg.Checks/100)
}
