from cleanweb.cli import main

raise SystemExit(main())
