package discord

import (
	"github.com/btstutor/tutor/bot"
	"github.com/bwmarrin/discordgo"
)

// ApplicationCommands are the table's commands as Discord registers them,
// in French. The diploma options offer the loaded référentiels as choices.
func ApplicationCommands(table []bot.Command, diplomas []string) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, len(table))
	for i, c := range table {
		out[i] = &discordgo.ApplicationCommand{Name: c.Name, Description: c.Description, Options: discordOptions(c.Options, diplomas)}
		if c.Teacher {
			// Hidden from students: shown by default to members who may
			// manage the server, as the router checks; an administrator
			// opens them to the teacher role in the server's Intégrations.
			perms := int64(discordgo.PermissionManageGuild)
			guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
			out[i].DefaultMemberPermissions, out[i].Contexts = &perms, &guildOnly
		}
	}
	return out
}

var optionTypes = map[bot.OptionType]discordgo.ApplicationCommandOptionType{
	bot.TypeString:     discordgo.ApplicationCommandOptionString,
	bot.TypeInteger:    discordgo.ApplicationCommandOptionInteger,
	bot.TypeUser:       discordgo.ApplicationCommandOptionUser,
	bot.TypeChannel:    discordgo.ApplicationCommandOptionChannel,
	bot.TypeRole:       discordgo.ApplicationCommandOptionRole,
	bot.TypeSubcommand: discordgo.ApplicationCommandOptionSubCommand,
	bot.TypeAttachment: discordgo.ApplicationCommandOptionAttachment,
}

func discordOptions(opts []bot.Option, diplomas []string) []*discordgo.ApplicationCommandOption {
	var out []*discordgo.ApplicationCommandOption
	for _, o := range opts {
		d := &discordgo.ApplicationCommandOption{Type: optionTypes[o.Type], Name: o.Name, Description: o.Description,
			Required: o.Required, MaxLength: o.MaxLength, Autocomplete: o.Autocomplete, MinValue: o.Min,
			Options: discordOptions(o.Options, diplomas)}
		if o.Max != nil {
			d.MaxValue = *o.Max
		}
		if o.TextChannels {
			d.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText}
		}
		if o.Diplomas {
			for _, dip := range diplomas {
				d.Choices = append(d.Choices, &discordgo.ApplicationCommandOptionChoice{Name: "BTS " + dip, Value: dip})
			}
		}
		for _, c := range o.Choices {
			d.Choices = append(d.Choices, &discordgo.ApplicationCommandOptionChoice{Name: c.Name, Value: c.Value})
		}
		if len(d.Choices) > maxChoices {
			d.Choices = nil // typed freely, checked by the handler
		}
		out = append(out, d)
	}
	return out
}
