from anil.cli import main

main()
