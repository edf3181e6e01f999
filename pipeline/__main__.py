from pipeline.console import run

run()
