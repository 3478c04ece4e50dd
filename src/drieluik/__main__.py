from drieluik.cli import main

main()
