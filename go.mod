module github.com/btstutor/tutor

go 1.26.8

require (
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0 // indirect
	github.com/philippgille/chromem-go v0.7.0 // indirect
)
