# How ForecastTest's reference files were made: Argus 3.7's own Argus/HWAB.pm and Argus/MHWAB.pm (github jaw0/argus,
# not copied here) run with an in-memory hash as their database and a clock set by hand.
# perl hwab-reference.pl Argus::HWAB 3600 4 1 > hwab-additive.txt   (class, period, hours, spike at the end)
use strict;
package MemDB; sub TIEHASH { bless {}, shift } sub FETCH { $_[0]{$_[1]} } sub STORE { $_[0]{$_[1]} = $_[2] }
sub DELETE { delete $_[0]{$_[1]} } sub EXISTS { exists $_[0]{$_[1]} } sub FIRSTKEY { my @k = keys %{$_[0]}; $k[0] }
sub NEXTKEY { undef } sub sync {}
package Cron; sub new { 1 }
package main;
$::DATABASE = 'MemDB'; $::datadir = '/tmp/hwab';
sub loggit {}
use lib '/tmp/hwab';
require Argus::HWAB; require Argus::MHWAB;
my ($class, $period, $hours, $spike) = @ARGV;
my $t0 = 1000000123;
$^T = $t0;
my $hw = $class->new('svc', $period, 0.005, 0.0005, 0.1, 0.1, 3, undef);
my $n = $hours * 60;
for my $i (1 .. $n) {
    $^T = $t0 + 60 * $i;
    my $v = 100 + 20 * sin(2 * 3.141592653589793 * ($^T % $period) / $period) + ((($i * 7919) % 13) - 6) * 0.3;
    $v += 50 if $spike && $i == $n;
    $hw->add($v);
    my $dev = $hw->deviation($v);
    next unless $i % 5 == 0 || $i == $n;
    printf "%d %.17g %s %s %s\n", $i, $v, (defined $hw->{expect} ? sprintf("%.17g %.17g", $hw->{expect}{y}, $hw->{expect}{d}||0) : "- -"), (defined $dev ? sprintf("%.17g", $dev) : "-"), "";
}
