package main

// The cost bound of the commands that build networks (finetune, mstar). The
// constructions and the exact m* certificates sort, subtract, divide and
// sum the data's numbers across rows, and exact arithmetic on b-bit numbers
// costs about (b/64)² word operations: measured at depth 3, K = 235 rows of
// 140-bit numbers take seconds, K = 30 rows of 1000-bit numbers seconds,
// K = 30 rows of 33000-bit numbers (1e100000) hours. So data whose numbers
// (inputs x and targets z) all fit in 128 bits is always accepted, and
// larger numbers only while the estimate K²·⌈b/64⌉², b the largest number's
// bits, is at most -max-data-cost.

import (
	"flag"
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

const (
	// smallDataBits: numbers this size (any 38-digit decimal, any binary
	// float of the usual exponents) never count against -max-data-cost.
	smallDataBits = 128
	// defaultMaxDataCost is the default of -max-data-cost.
	defaultMaxDataCost = 1 << 18
)

// dataCostFlag adds -max-data-cost to fs.
func dataCostFlag(fs *flag.FlagSet) *int {
	return fs.Int("max-data-cost", defaultMaxDataCost, "limit: `cost` K²·⌈b/64⌉² of data whose largest number (input or target) has b > 128 bits (0: none)")
}

// checkCostFlag refuses a negative -max-data-cost.
func checkCostFlag(limit int) error {
	if limit < 0 {
		return usageErr("-max-data-cost must be 0 (none) or positive, got %d", limit)
	}
	return nil
}

// overDataCost is the -max-data-cost verdict on K rows whose largest number
// has b bits: nil when allowed (no limit, small numbers, or K²·⌈b/64⌉² ≤
// limit), else a *oracle.LimitError whose text is what(K, b).
func overDataCost(K, b, limit int, what func(K int64, b int) string) error {
	if limit == 0 || b <= smallDataBits {
		return nil
	}
	k, w := int64(K), int64((b+63)/64)
	cost := k * k * w * w
	if k > 1<<20 || w > 1<<20 || cost > int64(limit) {
		return &oracle.LimitError{Limit: "max-data-cost", Max: limit, Got: int(min(cost, 1<<62)), What: what(k, b)}
	}
	return nil
}

// checkDataCost reports data too costly to build on: numbers over
// smallDataBits with K²·⌈b/64⌉² over limit. what names the targets.
func checkDataCost(path string, d *oracle.Data, Z []*big.Rat, what string, limit int) error {
	if err := checkCostFlag(limit); err != nil || limit == 0 {
		return err
	}
	b, line, col := 0, 0, ""
	see := func(r *big.Rat, i int, name string) {
		if n := max(r.Num().BitLen(), r.Denom().BitLen()); n > b {
			b, line, col = n, d.Line(i+1), name
		}
	}
	for i, x := range d.X {
		for j, v := range x {
			see(v, i, fmt.Sprintf("x%d", j+1))
		}
		see(Z[i], i, what)
	}
	return overDataCost(d.K(), b, limit, func(K int64, b int) string {
		return fmt.Sprintf("%s: exact work on %d rows whose largest number (%s, line %d) has %d bits, estimated as K²·⌈b/64⌉², is", path, K, col, line, b)
	})
}
