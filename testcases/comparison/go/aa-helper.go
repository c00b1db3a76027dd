package shapes

func withFlag(args []string, flag string) []string { return append(args, flag) }

func AaHelper(common []string) {
	server := withFlag(common, "--server")
	client := withFlag(common, "--client")
	UseStrs(server)
	UseStrs(client)
}
