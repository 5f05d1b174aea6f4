from hrplan.cli import main

main()
