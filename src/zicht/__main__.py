from zicht.cli import main

main(prog_name="zicht")
