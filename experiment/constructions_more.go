package experiment

import "github.com/ftcheck/ftcheck/construction"

func init() {
	constructions = append(constructions,
		namedConstruction{"U3", 3, construction.U3},
		namedConstruction{"A", 3, construction.AppendixA})
}
